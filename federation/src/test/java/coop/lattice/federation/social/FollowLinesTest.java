package coop.lattice.federation.social;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.federation.FollowState;
import coop.lattice.federation.hosting.NodeStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Follow logs compact to the current followers and to each follow sent with its latest state. */
class FollowLinesTest {
  @TempDir Path dir;

  @Test
  void churnCompactsToTheCurrentFollowersAndTheLatestAnswers() throws IOException {
    NodeStore store = new NodeStore(dir, 4096);
    Follows follows = new Follows(FollowLog.inLines(store, "food"));
    for (int i = 0; i < 1020; i++) { // users 20 to 39 end up following, 0 to 19 not
      String actor = "https://peer.example/users/" + (i % 40);
      if (follows.isFollowedBy(actor)) {
        follows.unfollow(actor);
      } else {
        follows.follower(actor, "https://peer.example/inbox/" + (i % 7));
      }
    }
    for (int i = 0; i < 300; i++) {
      String id = "https://food.example/follows/" + (i % 5);
      follows.sent(id, "https://peer.example/users/" + (i % 5));
      follows.answered(id, i % 3 == 0 ? FollowState.REJECTED : FollowState.ACCEPTED);
    }
    follows.sent("https://food.example/follows/pending", "https://quiet.example/u");
    var followers = follows.followers();
    store.close();

    assertThat(Files.size(dir.resolve("food/followers.log"))).isLessThanOrEqualTo(4096 + 100);
    assertThat(Files.size(dir.resolve("food/following.log"))).isLessThanOrEqualTo(4096 + 100);

    NodeStore again = new NodeStore(dir, 4096);
    Follows reopened = new Follows(FollowLog.inLines(again, "food"));
    again.close();
    assertThat(reopened.followers()).isEqualTo(followers).hasSize(20).containsKey("https://peer.example/users/39");
    for (int i = 295; i < 300; i++) { // the last answer of each follow
      assertThat(reopened.state("https://food.example/follows/" + (i % 5)))
          .hasValue(i % 3 == 0 ? FollowState.REJECTED : FollowState.ACCEPTED);
      assertThat(reopened.sentTo("https://food.example/follows/" + (i % 5))).hasValue("https://peer.example/users/" + (i % 5));
    }
    assertThat(reopened.state("https://food.example/follows/pending")).hasValue(FollowState.PENDING);
    assertThat(FollowLines.liveFollowing(Files.readAllLines(dir.resolve("food/following.log")))).hasSize(5 + 5 + 1);
  }

  @Test
  void aFollowSentAgainIsPendingAgain() {
    assertThat(FollowLines.liveFollowing(java.util.List.of("sent\tf1\thttps://a.example/u", "accepted\tf1",
        "sent\tf1\thttps://a.example/u"))).containsExactly("sent\tf1\thttps://a.example/u");
  }
}
