package io.stylegraph.training.eval;

import org.junit.jupiter.api.Test;

import io.stylegraph.training.data.InteractionMatrix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EvaluationSampleTest {

    @Test
    void shouldEvaluateEveryUserWithinTheBudgetAndASampleAboveIt() {
        assertEquals(39_387, EvaluationSample.usersFor(39_387, 23_033), "amazon-clothing: 9·10^8 scores");
        assertEquals(10_000, EvaluationSample.usersFor(100_000, 230_000), "never fewer than the floor");
        assertEquals(10_000, EvaluationSample.usersFor(400_000, 1_000_000));
        assertEquals(20_000, EvaluationSample.usersFor(200_000, 50_000), "as many as 10^9 scores buy");
        assertEquals(5_000, EvaluationSample.usersFor(5_000, 10_000_000), "no more than there are");
        assertThrows(IllegalArgumentException.class, () -> EvaluationSample.usersFor(-1, 10));
    }

    @Test
    void shouldKeepTheRowsOfASeededSampleOfUsersWithTargets() {
        InteractionMatrix.Builder builder = InteractionMatrix.builder(40, 5);
        for (int user = 0; user < 40; user += 2) { // the odd users have no targets
            builder.add(user, user % 5).add(user, (user + 1) % 5);
        }
        InteractionMatrix targets = builder.build();

        InteractionMatrix sample = EvaluationSample.restrict(targets, 6, 11);

        assertEquals(6, sample.usersWithInteractions());
        int[] users = EvaluationSample.users(targets, 6, 11);
        assertEquals(6, users.length);
        for (int user : users) {
            assertEquals(0, user % 2, "only users with targets are drawn");
            assertArrayEquals(targets.itemsOf(user), sample.itemsOf(user));
        }
        assertArrayEquals(users, EvaluationSample.users(targets, 6, 11), "the same seed draws the same users");
        assertEquals(40, sample.numUsers());
        assertSame(targets, EvaluationSample.restrict(targets, 20, 11), "nobody left out: the same matrix");
    }
}
