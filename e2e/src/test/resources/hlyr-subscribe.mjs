// Subscribes to a daemon's events with hlyr's own daemon client and prints what it receives, one JSON
// object per line:
//   {"subscribed": true}                           once DaemonClient.subscribe() has resolved
//   {"event": <event>}                             for every event it emits
//   {"error": "<message>"}                         if subscribe() rejects or the connection fails
//   {"closed": true}                               when the daemon closes the connection
//
// Usage: node hlyr-subscribe.mjs <hlyr dist/index.js> <daemon socket> [<Subscribe params as JSON>]
//
// The published humanlayer package bundles all of hlyr into dist/index.js and exports nothing, so this
// script takes the bundle's `src/daemonClient.ts` section verbatim (the code between its marker comment
// and the next module's) and imports it as a module. Nothing of hlyr's code is changed or re-implemented.
import { readFileSync } from "node:fs";

const [bundlePath, socketPath, paramsJson] = process.argv.slice(2);
if (!bundlePath || !socketPath) {
  console.error("usage: node hlyr-subscribe.mjs <hlyr dist/index.js> <daemon socket> [<params JSON>]");
  process.exit(2);
}

const bundle = readFileSync(bundlePath, "utf8");
const start = bundle.indexOf("// src/daemonClient.ts\n");
const end = start < 0 ? -1 : bundle.indexOf("\n// src/", start + 1);
if (start < 0 || end < 0) {
  console.error(`no src/daemonClient.ts section in ${bundlePath}`);
  process.exit(2);
}
const source = bundle.slice(start, end) + "\nexport { DaemonClient };\n";
const { DaemonClient } = await import("data:text/javascript;base64," + Buffer.from(source).toString("base64"));

const print = (value) => process.stdout.write(JSON.stringify(value) + "\n");
const client = new DaemonClient(socketPath);
try {
  const subscription = await client.subscribe(paramsJson ? JSON.parse(paramsJson) : {});
  subscription.on("event", (event) => print({ event }));
  subscription.on("error", (err) => print({ error: String(err && err.message || err) }));
  subscription.on("close", () => {
    print({ closed: true });
    process.exit(0);
  });
  print({ subscribed: true });
} catch (err) {
  print({ error: String(err && err.message || err) });
  process.exit(1);
}
