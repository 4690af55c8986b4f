package cn.civicloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CivicLoopApplication {
    public static void main(String[] args) {
        SpringApplication.run(CivicLoopApplication.class, args);
    }
}
