package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadSnapshotsTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path workDir;

    @Test
    void fullReadWithArrowNumberingKeepsTextAfterTheFirstArrow() {
        String result = "     1\u2192first \u2192 line\n     2\u2192\n\u2192not numbered\nno arrow\n     3\u2192last";

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"a.txt\"}", result, workDir))
                .contains(new FileSnapshot("a.txt", "first \u2192 line\n\nlast"));
    }

    @Test
    void fullReadWithTabNumberingOfCurrentCli() {
        String result = "1\tkey\tvalue\n2\t\n3\tend\n<system-reminder>note</system-reminder>";

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"/x/a.txt\"}", result, workDir))
                .contains(new FileSnapshot("/x/a.txt", "key\tvalue\n\nend"));
    }

    @Test
    void fullReadPrefersTheStructuredFileContentForTheSameFile() {
        JsonNode toolUseResult = JSON.readTree("{\"type\":\"text\",\"file\":{\"filePath\":\"" + workDir.resolve("a.txt")
                + "\",\"content\":\"exact\\r\\ntext\"}}");

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"a.txt\"}", "1\texact\n2\ttext", toolUseResult, workDir))
                .contains(new FileSnapshot("a.txt", "exact\r\ntext"));
    }

    @Test
    void structuredContentOfAnotherFileIsIgnored() {
        JsonNode toolUseResult = JSON.readTree("{\"file\":{\"filePath\":\"/other.txt\",\"content\":\"other\"}}");

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"/a.txt\"}", "1\tmine", toolUseResult, workDir))
                .contains(new FileSnapshot("/a.txt", "mine"));
    }

    @Test
    void partialReadTakesTheWholeFileFromDiskRelativeToTheWorkingDir() throws IOException {
        Files.writeString(workDir.resolve("src.txt"), "one\ntwo\nthree\n");

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"src.txt\",\"offset\":2,\"limit\":1}", "2\ttwo", workDir))
                .contains(new FileSnapshot("src.txt", "one\ntwo\nthree\n"));
    }

    @Test
    void partialReadOfAMissingFileHasNoSnapshot() {
        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"gone.txt\",\"limit\":5}", "1\tx", workDir)).isEmpty();
    }

    @Test
    void partialReadOfAFileOverTenMegabytesKeepsTheReadText() throws IOException {
        Path big = workDir.resolve("big.log");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(ReadSnapshots.MAX_DISK_READ_BYTES + 1);
        }

        assertThat(ReadSnapshots.snapshot("{\"file_path\":\"" + big + "\",\"offset\":10}", "10\tline ten", workDir))
                .contains(new FileSnapshot(big.toString(), "line ten"));
    }

    @Test
    void inputWithoutFilePathOrNotJsonHasNoSnapshot() {
        assertThat(ReadSnapshots.snapshot("{}", "1\tx", workDir)).isEmpty();
        assertThat(ReadSnapshots.snapshot("not json", "1\tx", workDir)).isEmpty();
        assertThat(ReadSnapshots.snapshot(null, null, null, null)).isEmpty();
    }
}
