package org.residencymatch.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Password;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void theServiceHashesWithArgon2idAtOwaspsMinimum() {
        String hash = Password.hash("secret").addRandomSalt(16).with(Passwords.argon2id(null)).getResult();

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void aHashIsVerifiedWithTheParametersItRecordsSoOlderHashesKeepWorking() {
        // The build hashes with less memory in tests; a hash made at the service's cost still verifies.
        String atServiceCost = Password.hash("secret").addRandomSalt(16).with(Passwords.argon2id(null)).getResult();
        String now = Passwords.hash("secret");

        assertThat(now).startsWith("$argon2id$");
        assertThat(Passwords.matches("secret", atServiceCost)).isTrue();
        assertThat(Passwords.matches("secret", now)).isTrue();
        assertThat(Passwords.matches("Secret", atServiceCost)).isFalse();
        assertThat(Passwords.matches("Secret", now)).isFalse();
    }
}
