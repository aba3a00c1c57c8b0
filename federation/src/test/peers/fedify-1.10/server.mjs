// A standalone Fedify 1.10 peer for Lattice's interop tests (see README.md).
//   node --import ./node20-polyfill.mjs server.mjs [port]        (Node.js 20; Node >= 22 needs no --import)
// Fedify 1.10 signs its deliveries with RFC 9421 HTTP Message Signatures first and, when the
// receiver answers any status from 400 up, knocks again with draft-cavage-12 (FIRST_KNOCK overrides the first).
// Binds 127.0.0.1 (default port 3000). FEDIFY_LOG=debug (or info, warning...) prints Fedify's own log.
// Endpoints (served by Fedify): /.well-known/webfinger, /.well-known/nodeinfo, /nodeinfo/2.1,
//   /users/peer (actor), /users/peer/inbox, /inbox (shared), /users/peer/followers
// Control endpoints (plain node:http, for test drivers):
//   GET /_control/received            -> JSON array of activities received so far
//   GET /_control/follow?target=URI   -> this peer sends Follow to actor URI
//   GET /_control/note?to=URI&text=.. -> this peer sends Create(Note) to actor URI
//   GET /_control/rotate              -> new RSA and Ed25519 key pairs under the same key ids, then an
//                                        Update of the actor to its followers, signed with the new keys
//   GET /_control/mark?text=..        -> prints "[mark] TEXT": every line of a request that ended before it
//                                        comes before it (stdout to a pipe is synchronous on Linux)
// Lines it prints, for tests to wait on (one line each):
//   fedify-peer listening on ORIGIN (pid N)
//   [http] METHOD PATH STATUS SIGNATURE [TYPE ID]   every inbound request and the status Fedify answered
//                                            (printed before the answer is sent); SIGNATURE is one of
//                                            rfc9421(alg=..,keyid=..) | cavage(algorithm=..,keyId=..) | unsigned;
//                                            a POST carrying an activity ends with its type and id
//   [out] METHOD URL STATUS SIGNATURE [TYPE ID]     every outbound request (deliveries and fetches) and the
//                                            status it got (or "error" and why); both knocks of a double knock
//   [inbox] TYPE from ACTOR: JSON            every activity that passed verification and reached a listener
//   [rotated] ...                            after /_control/rotate: the new keys are in use and the Update was sent
//   [delivery error] ...                     a queued delivery that failed (Fedify retries it later)
import http from "node:http";
import {
  Accept, Create, Delete, Endpoints, Follow, Note, Person, Undo, Update,
  createFederation, exportJwk, generateCryptoKeyPair, importJwk,
  InProcessMessageQueue, MemoryKvStore, parseSemVer,
} from "@fedify/fedify";

const PORT = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const HOST = "127.0.0.1";
const ORIGIN = `http://${HOST}:${PORT}`;
const ME = "peer";
const ALGORITHMS = ["RSASSA-PKCS1-v1_5", "Ed25519"]; // keyIds #main-key (RSA) and #key-2 (Ed25519), by order
const kv = new MemoryKvStore();
const received = [];   // log of inbound activities (compact JSON-LD)
const followers = new Map(); // follower actor id -> inbox URL

if (process.env.FEDIFY_LOG) {
  const { configure, getConsoleSink } = await import("@logtape/logtape");
  await configure({
    sinks: { console: getConsoleSink() },
    loggers: [
      { category: "fedify", lowestLevel: process.env.FEDIFY_LOG, sinks: ["console"] },
      { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["console"] },
    ],
  });
}

// --- what each request carried, for the log lines -------------------------------------------
function activityOf(body) {
  if (!body) return "";
  try {
    const a = JSON.parse(typeof body === "string" ? body : Buffer.from(body).toString("utf8"));
    return a?.id ? ` ${a.type ?? "?"} ${a.id}` : "";
  } catch {
    return "";
  }
}

function signatureOf(headers) {
  const input = headers.get("signature-input");
  if (input) {
    const alg = /;alg="([^"]*)"/.exec(input)?.[1] ?? "?";
    const keyid = /;keyid="([^"]*)"/.exec(input)?.[1] ?? "?";
    return `rfc9421(alg=${alg},keyid=${keyid})`;
  }
  const sig = headers.get("signature");
  if (sig) {
    const algorithm = /algorithm="([^"]*)"/.exec(sig)?.[1] ?? "?";
    const keyId = /keyId="([^"]*)"/.exec(sig)?.[1] ?? "?";
    return `cavage(algorithm=${algorithm},keyId=${keyId})`;
  }
  return "unsigned";
}

// Every outbound request goes through the global fetch (Fedify calls it by name at call time), so
// wrapping it shows each delivery and each knock with the status the receiver answered.
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const isRequest = input instanceof Request;
  const method = (init?.method ?? (isRequest ? input.method : "GET")).toUpperCase();
  const url = isRequest ? input.url : String(input);
  const signature = signatureOf(new Headers(init?.headers ?? (isRequest ? input.headers : undefined)));
  const activity = method !== "POST" ? ""
    : activityOf(init?.body ?? (isRequest && input.body != null ? await input.clone().text() : undefined));
  try {
    const response = await realFetch(input, init);
    console.log(`[out] ${method} ${url} ${response.status} ${signature}${activity}`);
    return response;
  } catch (e) {
    console.log(`[out] ${method} ${url} error ${signature}${activity} ${String(e?.cause ?? e).replace(/\s+/g, " ")}`);
    throw e;
  }
};

const federation = createFederation({
  kv,
  queue: new InProcessMessageQueue(), // outgoing deliveries are queued + retried
  allowPrivateAddress: true,          // needed to talk to 127.0.0.1 peers
  origin: ORIGIN,
  // "rfc9421" by default; "draft-cavage-http-signatures-12" to start with cavage instead.
  ...(process.env.FIRST_KNOCK ? { firstKnock: process.env.FIRST_KNOCK } : {}),
  onOutboxError: (error, activity) => {
    console.log(`[delivery error] ${activity?.id?.href ?? "?"}: ${String(error).replace(/\s+/g, " ")}`);
  },
});

async function person(ctx) {
  const keys = await ctx.getActorKeyPairs(ME);
  return new Person({
    id: ctx.getActorUri(ME),
    preferredUsername: ME,
    name: "Fedify 1.10 interop peer",
    summary: "Test peer for federation interop",
    inbox: ctx.getInboxUri(ME),
    endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
    outbox: ctx.getOutboxUri(ME),
    followers: ctx.getFollowersUri(ME),
    following: ctx.getFollowingUri(ME),
    url: ctx.getActorUri(ME),
    publicKey: keys[0].cryptographicKey,          // RSA key: HTTP signatures (both specs)
    assertionMethods: keys.map((k) => k.multikey), // FEP-521a Multikey (RSA + Ed25519): object proofs
  });
}

async function newKeyPair(identifier, alg) {
  const { privateKey, publicKey } = await generateCryptoKeyPair(alg);
  await kv.set(["keypair", identifier, alg], {
    privateKey: await exportJwk(privateKey),
    publicKey: await exportJwk(publicKey),
  });
  return { privateKey, publicKey };
}

federation
  .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => identifier === ME ? await person(ctx) : null)
  .setKeyPairsDispatcher(async (ctx, identifier) => {
    if (identifier !== ME) return [];
    const pairs = [];
    for (const alg of ALGORITHMS) {
      const entry = await kv.get(["keypair", identifier, alg]);
      pairs.push(entry
        ? { privateKey: await importJwk(entry.privateKey, "private"), publicKey: await importJwk(entry.publicKey, "public") }
        : await newKeyPair(identifier, alg));
    }
    return pairs;
  });

federation.setFollowersDispatcher("/users/{identifier}/followers", async (ctx, identifier) => {
  if (identifier !== ME) return null;
  const items = [...followers.entries()].map(([id, inbox]) => ({ id: new URL(id), inboxId: new URL(inbox) }));
  return { items };
});

// Empty outbox/following collections (keeps the actor spec-conformant: inbox + outbox required).
federation.setOutboxDispatcher("/users/{identifier}/outbox", async (ctx, identifier) =>
  identifier === ME ? { items: [] } : null);
federation.setFollowingDispatcher("/users/{identifier}/following", async (ctx, identifier) =>
  identifier === ME ? { items: [] } : null);

async function logActivity(kind, ctx, activity) {
  const json = await activity.toJsonLd({ contextLoader: ctx.contextLoader });
  received.push(json);
  console.log(`[inbox] ${kind} from ${activity.actorId?.href}:`, JSON.stringify(json));
}

federation
  .setInboxListeners("/users/{identifier}/inbox", "/inbox")
  .on(Follow, async (ctx, follow) => {
    await logActivity("Follow", ctx, follow);
    if (follow.objectId?.href !== ctx.getActorUri(ME).href) return;
    const follower = await follow.getActor(ctx);   // dereferences remote actor (signed fetch)
    if (follower?.id == null || follower.inboxId == null) return;
    followers.set(follower.id.href, follower.inboxId.href);
    await ctx.sendActivity({ identifier: ME }, follower,
      new Accept({ id: new URL(`${ORIGIN}/accepts/${crypto.randomUUID()}`), actor: ctx.getActorUri(ME), object: follow }));
  })
  .on(Undo, async (ctx, undo) => {
    await logActivity("Undo", ctx, undo);
    if (undo.actorId) followers.delete(undo.actorId.href);
  })
  .on(Create, async (ctx, create) => { await logActivity("Create", ctx, create); })
  .on(Update, async (ctx, update) => { await logActivity("Update", ctx, update); })
  .on(Delete, async (ctx, del) => { await logActivity("Delete", ctx, del); })
  .on(Accept, async (ctx, accept) => { await logActivity("Accept", ctx, accept); })
  .onError((ctx, error) => { console.error("[inbox error]", error); });

federation.setNodeInfoDispatcher("/nodeinfo/2.1", async () => ({
  software: { name: "fedify-peer", version: parseSemVer("0.1.0") },
  protocols: ["activitypub"],
  usage: { users: { total: 1 }, localPosts: 0, localComments: 0 },
}));

// --- node:http <-> Fetch API adapter -------------------------------------------------
async function toRequest(req) {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) v.forEach((x) => headers.append(k, x)); else if (v != null) headers.set(k, v);
  }
  const request = new Request(new URL(req.url, ORIGIN), {
    method: req.method, headers, body: ["GET", "HEAD"].includes(req.method) ? undefined : body,
  });
  return { request, activity: req.method === "POST" ? activityOf(body) : "" };
}

async function rotate(ctx) {
  const ids = [];
  for (const alg of ALGORITHMS) await newKeyPair(ME, alg);
  for (const k of await ctx.getActorKeyPairs(ME)) ids.push(k.keyId.href);
  const id = new URL(`${ORIGIN}/activities/${crypto.randomUUID()}`);
  const update = new Update({ id, actor: ctx.getActorUri(ME), object: await person(ctx), to: ctx.getFollowersUri(ME) });
  // To every follower's inbox, now, signed (HTTP signature, LD signature, FEP-8b32 proof) with the new keys.
  await ctx.sendActivity({ identifier: ME }, "followers", update, { immediate: true, preferSharedInbox: true });
  console.log(`[rotated] ${ids.join(" ")}: Update ${id.href} sent to ${followers.size} follower(s)`);
  return { rotated: ids, sent: id.href, followers: [...followers.keys()] };
}

async function control(url, res) {
  const ctx = federation.createContext(new URL(ORIGIN), undefined);
  const json = (code, obj) => { res.writeHead(code, { "content-type": "application/json" }); res.end(JSON.stringify(obj, null, 2)); };
  if (url.pathname === "/_control/received") return json(200, received);
  if (url.pathname === "/_control/rotate") return json(202, await rotate(ctx));
  if (url.pathname === "/_control/mark") {
    console.log(`[mark] ${url.searchParams.get("text") ?? ""}`);
    return json(200, {});
  }
  const targetUri = url.searchParams.get("target") ?? url.searchParams.get("to");
  if (!targetUri) return json(400, { error: "target/to required" });
  const target = await ctx.lookupObject(targetUri);   // WebFinger handle or actor URI
  if (target?.inboxId == null) return json(404, { error: "actor not found", targetUri });
  const id = new URL(`${ORIGIN}/activities/${crypto.randomUUID()}`);
  let activity;
  if (url.pathname === "/_control/follow") {
    activity = new Follow({ id, actor: ctx.getActorUri(ME), object: target.id });
  } else if (url.pathname === "/_control/note") {
    const note = new Note({ id: new URL(`${id.href}/note`), attribution: ctx.getActorUri(ME), to: target.id,
      content: url.searchParams.get("text") ?? "hello from fedify-peer" });
    activity = new Create({ id, actor: ctx.getActorUri(ME), object: note, to: target.id });
  } else return json(404, { error: "unknown control endpoint" });
  await ctx.sendActivity({ identifier: ME }, target, activity, { immediate: true });
  return json(202, { sent: id.href, to: target.inboxId.href });
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, ORIGIN);
    if (url.pathname.startsWith("/_control/")) return await control(url, res);
    const { request, activity } = await toRequest(req);
    const signature = signatureOf(request.headers);
    const response = await federation.fetch(request, { contextData: undefined });
    console.log(`[http] ${req.method} ${url.pathname} ${response.status} ${signature}${activity}`);
    const headers = {};
    response.headers.forEach((v, k) => { headers[k] = v; });
    res.writeHead(response.status, headers);
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (e) {
    console.error(e);
    const where = req.url.startsWith("/_control/") ? "[control error]" : "[http]";
    console.log(`${where} ${req.method} ${req.url} 500 ${String(e).replace(/\s+/g, " ")}`);
    if (!res.headersSent) res.writeHead(500);
    res.end(String(e));
  }
});
server.listen(PORT, HOST, () => console.log(`fedify-peer listening on ${ORIGIN} (pid ${process.pid})`));
