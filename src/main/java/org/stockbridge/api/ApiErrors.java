package org.stockbridge.api;

import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.stockbridge.hub.HubException;
import org.stockbridge.rules.InvalidSyncRuleException;

/**
 * Turns every refusal into an RFC 7807 problem ({@code application/problem+json}) whose {@code detail} tells the
 * caller what was wrong in their request, in words an operator understands.
 */
@RestControllerAdvice(basePackages = "org.stockbridge.api")
public class ApiErrors extends ResponseEntityExceptionHandler {

    @ExceptionHandler(HubException.class)
    ProblemDetail hubRefused(HubException e) {
        HttpStatus status = e.kind() == HubException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        return ProblemDetail.forStatusAndDetail(status, e.getMessage());
    }

    @ExceptionHandler(InvalidSyncRuleException.class)
    ProblemDetail invalidRule(InvalidSyncRuleException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail conflict(DataIntegrityViolationException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "the request conflicts with data already in the hub (for example a link that already exists): "
                        + e.getMostSpecificCause().getMessage().lines().findFirst().orElse(""));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(e, status, request, unreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted().collect(Collectors.joining("; "));
        return problem(e, status, request, detail);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> r.getMethodParameter().getParameterName() + ": " + err.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return problem(e, status, request, detail);
    }

    private ResponseEntity<Object> problem(Exception e, HttpStatusCode status, WebRequest request, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        return handleExceptionInternal(e, body, new HttpHeaders(), status, request);
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof InvalidFormatException f && !f.getPath().isEmpty()) {
            return "field '" + f.getPath().get(0).getFieldName() + "': value " + f.getValue() + " is not a valid "
                    + f.getTargetType().getSimpleName();
        }
        if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            return "field '" + m.getPath().get(0).getFieldName() + "' has the wrong type";
        }
        if (cause instanceof JsonProcessingException j) {
            var at = j.getLocation();
            return "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                    + ": " + j.getOriginalMessage().replaceAll("\\s*\\(start marker.*", "").replaceAll("\\s*\\n.*", "");
        }
        return "the request body is missing or is not JSON";
    }
}
