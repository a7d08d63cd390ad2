package org.stockbridge.format;

/**
 * An outside API answered successfully with something that is not what was asked for — typically a wrong base URL
 * answered by a web page. Not retried: asking again gets the same answer.
 */
public class UnexpectedAnswerException extends RuntimeException {

    public UnexpectedAnswerException(String message) {
        super(message);
    }

    public UnexpectedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
