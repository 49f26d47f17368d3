package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The replies of one scripted conversation, one per model turn. Turn {@code n} answers the request
 * that already carries {@code n} assistant messages, so a script needs no server-side state and works
 * for concurrent and resumed sessions alike.
 *
 * @param repeatLast whether turns past the end get the last reply again (else they are an error)
 */
public record Script(List<Reply> turns, boolean repeatLast) {
    public Script {
        turns = List.copyOf(requireNonNull(turns, "turns is null"));
        if (turns.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one turn");
        }
    }

    /** A script with exactly these turns. */
    public static Script of(Reply... turns) {
        return new Script(List.of(turns), false);
    }

    /** A script that gives the same reply on every turn. */
    public static Script always(Reply reply) {
        return new Script(List.of(reply), true);
    }

    /** The reply for turn {@code index}, empty past the end of a non-repeating script. */
    public Optional<Reply> turn(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative turn index: " + index);
        }
        if (index < turns.size()) {
            return Optional.of(turns.get(index));
        }
        return repeatLast ? Optional.of(turns.getLast()) : Optional.empty();
    }

    /** The text to put in a prompt so the fake API answers it with the script registered as {@code name}. */
    public static String tag(String name) {
        ScriptTag.requireValidName(name);
        return "[[script:" + name + "]]";
    }
}
