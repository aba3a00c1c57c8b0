import json, sys, collections, subprocess
# Shares of a JFR recording's execution samples by kind of work: each sample goes to the kind its
# deepest frame names (RSA and Ed25519 verification, JSON-LD, JSON parsing, the HTTP server...).
# Usage: python3 benchmarks/jfr-kinds.py RECORDING.jfr [THREAD-NAME-PART, default eventloop; '' for all threads]
# Also prints the top self frames (the leaf method of each sample).
# Record the node with NODE_JAVA_OPTS="-XX:StartFlightRecording=filename=node.jfr,settings=profile,dumponexit=true"
# benchmarks/inbox-load.sh lattice. Needs the JDK's `jfr` tool on the PATH.
# It also reads async-profiler's collapsed stacks with thread names (a file ending in .collapsed),
# which count kernel time too: NODE_JAVA_OPTS="-agentpath:/path/libasyncProfiler.so=start,event=cpu,
# interval=1ms,threads,file=node.collapsed,collapsed" (async-profiler 4.2, tools.profiler:async-profiler on Maven Central).
f = sys.argv[1]; thr = sys.argv[2] if len(sys.argv) > 2 else 'eventloop'

def samples():
    """(thread name, frames from the leaf, weight) for each sample or collapsed stack."""
    if f.endswith('.collapsed'):
        for line in open(f):
            stack, n = line.rsplit(' ', 1)
            parts = stack.split(';')
            yield parts[0], [x.replace('/', '.') for x in reversed(parts[1:])], int(n)
        return
    data = json.loads(subprocess.check_output(['jfr', 'print', '--json', '--stack-depth', '128', '--events', 'jdk.ExecutionSample', f]))
    for e in data['recording']['events']:
        st = e['values']['stackTrace']
        if not st: continue
        t = (e['values']['sampledThread'] or {}).get('javaName', '?')
        yield t, [fr['method']['type']['name'].replace('/', '.') + '.' + fr['method']['name'] for fr in st['frames']], 1

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
c = collections.Counter(); leaves = collections.Counter(); tot = 0
for t, frames, n in samples():
    if thr not in t: continue
    if any('SigningLimit' in x for x in frames): continue
    tot += n
    leaves[frames[0]] += n
    label = None
    for fr in frames:  # from the leaf: the deepest frame that names a kind of work decides
        for l, pats in rules:
            if any(p in fr for p in pats):
                label = l; break
        if label: break
    c[label or ('kernel' if frames[0].endswith('_[k]') else 'other (JDK, JIT, GC)')] += n
print(f'samples: {tot}')
for label, n in c.most_common(): print(f'{label}\t{n*100/tot:.1f}')
print('top self frames:')
for f, n in leaves.most_common(12): print(f'  {f}\t{n*100/tot:.1f}')
