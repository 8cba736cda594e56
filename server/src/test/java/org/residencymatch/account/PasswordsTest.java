package org.residencymatch.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    /** password4j, which made every hash stored before the move to Bouncy Castle, as an independent implementation. */
    private static Argon2Function password4j(int memoryKiB) {
        return Argon2Function.getInstance(memoryKiB, 2, 1, 32, Argon2.ID);
    }

    @Test
    void theServiceHashesWithArgon2idAtOwaspsMinimum() {
        String hash = Passwords.argon2id(null).hash("secret");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Argon2id.matches("secret", hash)).isTrue();
        assertThat(Argon2id.matches("Secret", hash)).isFalse();
    }

    @Test
    void aHashStoredByPassword4jAtTheServicesCostStillVerifiesAndOursVerifiesInPassword4j() {
        String stored = Password.hash("secret").addRandomSalt(16).with(password4j(19 * 1024)).getResult();
        String ours = Passwords.argon2id(null).hash("secret");

        assertThat(Passwords.matches("secret", stored)).isTrue();
        assertThat(Passwords.matches("Secret", stored)).isFalse();
        assertThat(Password.check("secret", ours).with(Argon2Function.getInstanceFromHash(ours))).isTrue();
    }

    @Test
    void aHashIsVerifiedWithTheParametersItRecordsSoOlderHashesKeepWorking() {
        // The build hashes with less memory in tests; a hash made at the service's cost still verifies.
        String atServiceCost = Passwords.argon2id(null).hash("secret");
        String now = Passwords.hash("secret");

        assertThat(now).startsWith("$argon2id$v=19$m=1024,t=2,p=1$");
        assertThat(Passwords.matches("secret", atServiceCost)).isTrue();
        assertThat(Passwords.matches("secret", now)).isTrue();
        assertThat(Passwords.matches("Secret", atServiceCost)).isFalse();
        assertThat(Passwords.matches("Secret", now)).isFalse();
    }

    /** Not empty: password4j answers false for an empty password whatever the hash (and no account has one). */
    @Property(tries = 60)
    void bothImplementationsReadEachOthersHashesOfAnyPassword(@ForAll @StringLength(min = 1, max = 64) String password) {
        Argon2id small = new Argon2id(64, 2, 1);
        String ours = small.hash(password);
        String theirs = Password.hash(password).addRandomSalt(16).with(password4j(64)).getResult();

        assertThat(Argon2id.matches(password, theirs)).isTrue();
        assertThat(Password.check(password, ours).with(Argon2Function.getInstanceFromHash(ours))).isTrue();
        assertThat(Argon2id.matches(password + "x", ours)).isFalse();
    }

    @Test
    void aStoredStringThatIsNotAnArgon2idHashMatchesNothing() {
        String good = new Argon2id(64, 2, 1).hash("secret");
        String[] broken = {"", "secret", good.replace("argon2id", "argon2i"), good.replace("v=19", "v=16"),
                good.replace("m=64", "m=0"), good.replace("t=2", "t=0"), good.replace("p=1", "p=0"),
                good.substring(0, good.lastIndexOf('$')), good + "$", good.replace("$argon2id", "argon2id")};

        for (String s : broken) assertThat(Argon2id.matches("secret", s)).as(s).isFalse();
        assertThat(Argon2id.matches("secret", null)).isFalse();
    }
}
