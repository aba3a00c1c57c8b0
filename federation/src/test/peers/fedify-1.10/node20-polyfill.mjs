// What Fedify 1.10 needs from Node.js >= 22 that Node.js 20 lacks, loaded before it:
//   node --import ./node20-polyfill.mjs server.mjs PORT
// Two things, both found by running the peer on Node.js 20.20 (each is installed only if missing,
// so on a newer Node.js this file does nothing):
//
// 1. ArrayBuffer.prototype.transfer (ES2024; V8 11.4, Node.js 21). Fedify encodes keys and
//    digests with the byte-encodings package, whose base64/base64url/hex/base32 codecs grow and
//    shrink their buffers with buffer.transfer(n). Without it, serving the actor fails
//    ("t.buffer.transfer is not a function" in exportSpki), and so does exporting a JWK.
// 2. The global navigator (Node.js 21). Fedify's importJwk reads navigator?.userAgent (to spot
//    Cloudflare Workers) before importing an Ed25519 key; `?.` does not help with an undeclared
//    global, so on Node.js 20 it throws "ReferenceError: navigator is not defined", the key-pairs
//    dispatcher fails, and Fedify quietly answers with no keys at all.
//
// URLPattern and Temporal are not needed: Fedify imports urlpattern-polyfill and
// @js-temporal/polyfill itself.

function toIndex(value) {
  const n = value === undefined ? 0 : Math.trunc(Number(value));
  if (!Number.isFinite(n) || n < 0 || n > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`Invalid array buffer length: ${value}`);
  }
  return n;
}

// The spec's ArrayBufferCopyAndDetach: a new buffer of newLength bytes holding the old bytes
// (cut or zero-filled), and the old buffer detached (structuredClone's transfer list detaches it).
function copyAndDetach(buffer, newLength, preserveResizability) {
  if (!(buffer instanceof ArrayBuffer)) {
    throw new TypeError("ArrayBuffer.prototype.transfer called on a non-ArrayBuffer");
  }
  if (buffer.byteLength === 0) {
    new Uint8Array(buffer); // throws a TypeError if the buffer is detached, as transfer must
  }
  const length = newLength === undefined ? buffer.byteLength : toIndex(newLength);
  const maxByteLength = preserveResizability && buffer.resizable ? buffer.maxByteLength : undefined;
  const moved = structuredClone(buffer, { transfer: [buffer] });
  if (maxByteLength === undefined && !moved.resizable && length === moved.byteLength) {
    return moved;
  }
  const out = maxByteLength === undefined ? new ArrayBuffer(length) : new ArrayBuffer(length, { maxByteLength });
  new Uint8Array(out).set(new Uint8Array(moved, 0, Math.min(length, moved.byteLength)));
  return out;
}

if (typeof ArrayBuffer.prototype.transfer !== "function") {
  Object.defineProperty(ArrayBuffer.prototype, "transfer", {
    value: function transfer(newLength) { return copyAndDetach(this, newLength, true); },
    writable: true, configurable: true, enumerable: false,
  });
}
if (typeof ArrayBuffer.prototype.transferToFixedLength !== "function") {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    value: function transferToFixedLength(newLength) { return copyAndDetach(this, newLength, false); },
    writable: true, configurable: true, enumerable: false,
  });
}

if (!("navigator" in globalThis)) {
  // The shape Node.js 21+ gives it (a userAgent of "Node.js/<major>"), so no code takes it for a browser.
  const { availableParallelism } = await import("node:os");
  const navigator = Object.freeze({
    hardwareConcurrency: availableParallelism(),
    language: Intl.DateTimeFormat().resolvedOptions().locale,
    platform: process.platform,
    userAgent: `Node.js/${process.versions.node.split(".")[0]}`,
  });
  Object.defineProperty(globalThis, "navigator", { get: () => navigator, enumerable: true, configurable: true });
}
