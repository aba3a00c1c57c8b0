package coop.lattice.wall;

/** The wall module's root exception: something the wall could not render. Unchecked. */
public class WallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WallException(String message) {
    super(message);
  }

  public WallException(String message, Throwable cause) {
    super(message, cause);
  }
}
