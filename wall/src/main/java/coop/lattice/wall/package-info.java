/**
 * The wall: a collective's pages, its printable poster and its calendar feeds, for the members
 * themselves. Start with {@link coop.lattice.wall.Wall}: {@code page} renders a page of a
 * collective as HTML, {@code calendar} and {@code memberCalendar} its responsibility map as
 * iCalendar; {@link coop.lattice.wall.CalendarTokens} issues and revokes the private feeds'
 * tokens; {@link coop.lattice.wall.Rendered} is what comes back. No HTTP here: the federation
 * node serves the wall with content negotiation and {@link
 * coop.lattice.wall.Wall#CONTENT_SECURITY_POLICY}. See {@code docs/wall.md}.
 */
@NullMarked
package coop.lattice.wall;

import org.jspecify.annotations.NullMarked;
