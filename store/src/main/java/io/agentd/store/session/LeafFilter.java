package io.agentd.store.session;

/** The {@code getSessionLeaves} filter, with hld's meanings. */
public enum LeafFilter {
    /** Not archived and not a draft. */
    NORMAL,
    /** Archived only. */
    ARCHIVED,
    /** Drafts that are not archived. */
    DRAFT,
    /** Everything. */
    ALL;

    /** hld treats "" and unknown values as all. */
    public static LeafFilter fromWire(String value) {
        if (value == null) {
            return ALL;
        }
        return switch (value) {
            case "normal" -> NORMAL;
            case "archived" -> ARCHIVED;
            case "draft" -> DRAFT;
            default -> ALL;
        };
    }
}
