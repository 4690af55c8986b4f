package cn.civicloop.classifier.csv;

/** A CSV file breaks RFC 4180 or lacks what the reader needs; the message names file and line. */
public final class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }
}
