package io.agentevents.application.service.request;

import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.RequestKind;

/** How messages name a request: "browse request 16ce47f7-…". */
final class RequestNames {

    private RequestNames() {
    }

    static String of(RequestKind kind, RequestId request) {
        return switch (kind) {
            case BROWSE -> "browse request ";
            case VAULT_PASSWORD_VERIFICATION -> "vault password verification request ";
            case VAULT_ENCRYPTION -> "vault encryption request ";
            case LOGFILE_UPLOAD -> "log file ";
        } + request;
    }
}
