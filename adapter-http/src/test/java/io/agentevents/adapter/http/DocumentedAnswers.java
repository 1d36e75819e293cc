package io.agentevents.adapter.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Holds an answer of the service to the OpenAPI document it serves, with the Atlassian
 * validator: the status must be documented for the operation, and the body must match its
 * schema (response schemas allow no undocumented fields). The HTTP tests' clients call it on
 * every answer. Paths the document does not know (an unknown route's 404) and methods a path
 * does not take (405) have no operation to hold them to.
 */
public final class DocumentedAnswers {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(ServiceEndpoints.openApiDocument())
            .withStrictOperationPathMatching()
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                    .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private DocumentedAnswers() {
    }

    /** @throws AssertionError saying what differs from the document */
    public static void check(String method, URI uri, HttpResponse<String> response) {
        check(method, uri.getRawPath(), response.statusCode(), response.headers().map(), response.body());
    }

    /**
     * @param rawPath the request's path, without its query
     * @throws AssertionError saying what differs from the document
     */
    public static void check(String method, String rawPath, int status, Map<String, List<String>> headers, String body) {
        if (status == 405) {
            return; // no operation's answer; the path may even match a template of another (agents/tokens)
        }
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        Request.Method documented;
        try {
            documented = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notAnOpenApiMethod) {
            return;
        }
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(status);
        headers.forEach(answer::withHeader);
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        ValidationReport report = VALIDATOR.validateResponse(path, documented, answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("the answer to " + method + " " + rawPath + " (" + status + ") is not what "
                    + "the OpenAPI document says:\n" + report.getMessages().stream()
                    .map(message -> "  " + message.getKey() + ": " + message.getMessage()).collect(Collectors.joining("\n"))
                    + "\nbody: " + body);
        }
    }
}
