/**
 * The inbox: how an inbound activity is authenticated, dispatched and accepted. Start at {@link
 * coop.lattice.federation.inbox.Inbox}, which assembles the pipeline; read the steps in the order
 * a body meets them, each in a file of its own:
 *
 * <ol>
 *   <li>{@code Admission}: requests per remote address and per claimed origin, before anything is
 *       read ({@code RateLimits}; 429 with Retry-After);
 *   <li>{@code BodyLimit}: the body, capped at 1 MiB (413);
 *   <li>{@code SignatureInspection}: the HTTP signature without its key: coverage, date window,
 *       digest (401);
 *   <li>{@code ActivityReader}: a JSON object under limits with an id, a type and an actor (400);
 *   <li>{@code ActivityShapes}: the properties the node acts on shaped as ActivityStreams types
 *       them, on the activity and its object ({@code As2Shapes}; 400);
 *   <li>{@code OriginRules}: one origin for activity, actor and key; not this node's; neither it nor
 *       any actor it carries flagged or blocked; addressed to a hosted collective (401, 403, 404);
 *   <li>{@code Authentication}: the key, fetched through {@code KeyCache}, listed by the actor's own
 *       document, and the signature verified with it (401);
 *   <li>{@code LinkedDataCheck}: JSON-LD read with known contexts, never fetched; an unknown one
 *       learned afterwards ({@code ContextFetcher}), the document plain JSON until then (400);
 *   <li>{@code ProofCheck}: an FEP-8b32 object proof, if present (401);
 *   <li>{@code ActivityHandlers}: the registry from type to {@code ActivityHandler} ({@code
 *       FollowHandler}, {@code UndoHandler}, {@code FollowAnswerHandler}, {@code CreateHandler},
 *       {@code FlagHandler} (a proof of equivocation, checked before it is believed),
 *       {@code UpdateHandler}, {@code DeleteHandler});
 *   <li>{@code Acceptance}: the id claimed once ({@code SeenIds}: for as long as a request
 *       carrying it could still pass the date check), the activity recorded durably ({@code
 *       AcceptedLog}), then the effect applied, 202 and the listeners; all of it or none of it.
 * </ol>
 *
 * Each step gets one record from the step before ({@code Arrival}, {@code Inspected}, {@code
 * Parsed}, {@code Candidate}, {@code VerifiedActivity}) and answers refusals itself, so every
 * request is answered exactly once. A refusal names its {@code Reason} (the status, a bounded tag
 * for the meters, the level it is logged at); {@code InboxMeters} counts every request once.
 * {@code RemoteObjects} keeps the owners and versions of objects other servers created here; the
 * accepted log keeps a snapshot of them when it lets old activities go. Not exported: internal to
 * the federation module.
 */
@NullMarked
package coop.lattice.federation.inbox;

import org.jspecify.annotations.NullMarked;
