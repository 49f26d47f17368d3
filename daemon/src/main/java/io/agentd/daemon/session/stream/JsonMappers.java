package io.agentd.daemon.session.stream;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The two Jackson configurations of this package; both are thread-safe once built. */
final class JsonMappers {
    /**
     * Lines of several MB occur (a long reply makes ~1 MB assistant and result lines) and hld
     * accepts up to 10 MB, so the string limit is well above Jackson's default guard.
     */
    static final JsonMapper READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(256 * 1024 * 1024)
                            .maxDocumentLength(-1)
                            .build())
                    .build())
            .build();

    /** Object keys sorted, as Go's {@code json.Marshal} of a map writes them. */
    static final JsonMapper SORTED_WRITER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private JsonMappers() {
    }
}
