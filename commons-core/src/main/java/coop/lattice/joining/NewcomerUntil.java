package coop.lattice.joining;

/**
 * Until when a member counts as new ({@code newcomer-until}): for the rotation's newcomer
 * guarantee, the agenda and the health report.
 */
public enum NewcomerUntil {
  /** During the newcomer window after joining ({@code newcomer-window-days}), trusted or not: as before trust. */
  WINDOW,
  /** Until trusted, however long that takes; a member trusted on their first day is new no more. */
  TRUSTED,
  /** Until trusted or the newcomer window ends, whichever comes first. */
  TRUSTED_OR_WINDOW
}
