package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;

import java.util.Locale;

/** What a rule says about a tool call it matches. */
public enum RuleDecision {
    /** The call is refused without asking anyone; the rule's comment goes back to Claude. */
    DENY,
    /** A person decides, whatever allow rules or session switches say. */
    ASK,
    /** The call runs without asking. */
    ALLOW;

    /** The wire name: {@code allow}, {@code deny} or {@code ask}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; anything else is an invalid-params error naming the accepted values. */
    public static RuleDecision fromWire(String value) {
        for (RuleDecision d : values()) {
            if (d.wireName().equals(value)) {
                return d;
            }
        }
        throw AgentdException.invalidParams("decision must be one of allow, deny, ask (got '" + value + "')");
    }
}
