import json, sys, collections, subprocess
# Shares of a JFR recording's execution samples by kind of work: each sample goes to the kind its
# deepest frame names (RSA and Ed25519 verification, JSON-LD, JSON parsing, the HTTP server...).
# Usage: python3 benchmarks/jfr-kinds.py RECORDING.jfr [THREAD-NAME-PART, default eventloop]
# Record the node with NODE_JAVA_OPTS="-XX:StartFlightRecording=filename=node.jfr,settings=profile,dumponexit=true"
# benchmarks/inbox-load.sh lattice. Needs the JDK's `jfr` tool on the PATH.
f = sys.argv[1]; thr = sys.argv[2] if len(sys.argv) > 2 else 'eventloop'
data = json.loads(subprocess.check_output(['jfr', 'print', '--json', '--stack-depth', '128', '--events', 'jdk.ExecutionSample', f]))
rules = [
  ('signature verification (RSA, Ed25519)', ['Algorithm.verify', 'VerificationKey.verify']),
  ('signature signing', ['Algorithm.sign', 'CollectiveKey.sign']),
  ('object proof, besides its signature', ['ObjectProofs']),
  ('HTTP signature parsing, digest, date', ['HttpSignatures.inspect', 'HttpSignatures.checkDigest', 'Cavage.parse', 'Rfc9421.parse']),
  ('JSON-LD reading and authorization check', ['rdf.LinkedData', 'rdf.FastPath', 'rdf.AuthorizedSaying']),
  ('JSON parsing', ['Json.parseObject', 'Json.parse']),
  ('ActivityStreams shapes', ['As2Shapes']),
  ('origins and rules', ['OriginRules', 'Origins']),
  ('acceptance: claim, record, effect', ['Acceptance', 'AcceptedLines', 'CreateHandler', 'RemoteObjects']),
  ('key cache', ['KeyCache']),
  ('server guards, admission', ['GuardedServer', 'ReadDeadlines', 'Admission', 'ConnectionCap']),
  ('outbox: deliveries, safe client', ['outbox.', 'SafeClient', 'Deadline']),
  ('other Lattice code', ['coop.lattice']),
  ('HTTP server and client (Vert.x, Netty)', ['io.vertx', 'io.netty']),
]
c = collections.Counter(); tot = 0
for e in data['recording']['events']:
    st = e['values']['stackTrace']
    if not st: continue
    t = (e['values']['sampledThread'] or {}).get('javaName', '?')
    if thr not in t: continue
    frames = [fr['method']['type']['name'].replace('/', '.') + '.' + fr['method']['name'] for fr in st['frames']]
    if any('SigningLimit' in x for x in frames): continue
    tot += 1
    label = None
    for fr in frames:  # from the leaf: the deepest frame that names a kind of work decides
        for l, pats in rules:
            if any(p in fr for p in pats):
                label = l; break
        if label: break
    c[label or 'other (JDK, JIT, GC)'] += 1
print(f'samples: {tot}')
for label, n in c.most_common(): print(f'{label}\t{n*100/tot:.1f}')
