package cn.civicloop.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTests {

    @ParameterizedTest
    @CsvSource({"张三,张*", "张三丰,张**", "欧阳修文,欧***", "A,A*", "'  李四 ',李*"})
    void namesKeepOnlyTheFirstCharacter(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({"13812345678,138****5678", "0632-3312345,063*****2345", "12345,***45", "110,***"})
    void phonesKeepPrefixAndLastDigitsOnly(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
        assertThat(Masking.phone(phone)).doesNotContain(phone);
    }

    @ParameterizedTest
    @CsvSource(value = {"'',''", "NULL,NULL"}, nullValues = "NULL")
    void emptyStaysEmpty(String value, String expected) {
        assertThat(Masking.name(value)).isEqualTo(expected);
        assertThat(Masking.phone(value)).isEqualTo(expected);
    }
}
