package io.agentd.protocol.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ApprovalStatusTest {

    @Test
    void wireNamesAreHldsPlusExpired() {
        assertThat(Arrays.stream(ApprovalStatus.values()).map(ApprovalStatus::wireName))
                .containsExactly("pending", "approved", "denied", "expired");
    }

    @Test
    void everyStatusReadsBackFromItsWireNameAndNothingElseDoes() {
        for (ApprovalStatus s : ApprovalStatus.values()) {
            assertThat(ApprovalStatus.parse(s.wireName())).contains(s);
        }
        assertThat(ApprovalStatus.parse("PENDING")).isEmpty();
        assertThat(ApprovalStatus.parse(null)).isEmpty();
    }
}
