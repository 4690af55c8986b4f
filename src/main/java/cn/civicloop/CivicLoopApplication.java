package cn.civicloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@Modulithic(systemName = "CivicLoop", sharedModules = "shared")
public class CivicLoopApplication {
    public static void main(String[] args) {
        // "routing train|classify …" (also "classifier …") is a command-line tool of the same jar; no application context.
        if (args.length > 0 && cn.civicloop.classifier.RoutingCommandLine.isVerb(args[0])) {
            System.exit(cn.civicloop.classifier.RoutingCommandLine.run(args));
        }
        // "audit verify|export-head …" checks the audit chain from the command line (docs/security.md, "Audit").
        if (args.length > 0 && cn.civicloop.security.AuditCommandLine.isVerb(args[0])) {
            System.exit(cn.civicloop.security.AuditCommandLine.run(args));
        }
        // "opinion cluster --in POSTS.csv --out TOPICS.csv" groups posts into topics (docs/opinion.md).
        if (args.length > 0 && cn.civicloop.opinion.OpinionCommandLine.isVerb(args[0])) {
            System.exit(cn.civicloop.opinion.OpinionCommandLine.run(args));
        }
        SpringApplication.run(CivicLoopApplication.class, args);
    }
}
