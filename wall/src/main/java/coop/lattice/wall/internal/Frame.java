package coop.lattice.wall.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every page shares: which page it is, its title, the collective's name, its address (null
 * on the node's own index) and the navigation between the wall's pages.
 *
 * @param page the page's name, also its path under the collective's address
 * @param title the page's title, in the reader's language
 * @param collective the collective's name (or the node's, on the index)
 * @param actor the collective's address
 * @param links the navigation, in order
 */
public record Frame(String page, String title, String collective, @Nullable String actor, List<Link> links) {
  /** The wall's pages, in the order the navigation lists them; "" is the home. */
  public static final List<String> PAGES = List.of("", "map", "outbox", "finances", "sovereignty", "lattice",
      "health", "lotteries", "poster");

  /**
   * A link: where it goes, the bundle key of its words (or the words, on the index), and whether it
   * is the page being read.
   */
  public record Link(String href, String key, boolean current) {}

  static Frame of(Words w, String page, String collective, String actor) {
    List<Link> links = PAGES.stream().map(p -> new Link(p.isEmpty() ? actor : actor + "/" + p, key(p), p.equals(page)))
        .toList();
    return new Frame(page.isEmpty() ? "home" : page, w.say(key(page)), collective, actor, links);
  }

  private static String key(String page) {
    return "nav." + (page.isEmpty() ? "home" : page);
  }
}
