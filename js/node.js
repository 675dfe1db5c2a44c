// The entry for Node (the "node" export condition): the web entry with the WebAssembly already
// loaded from the package's own file, so `analyze` and `clean` work with no set-up call.
// `init()` and `initSync()` stay callable (they do nothing more), so code written for the web
// entry runs unchanged.
import { readFileSync } from "node:fs";
import { initSync } from "./web.js";

initSync({ module: readFileSync(new URL("../pkg/straytext_bg.wasm", import.meta.url)) });

export { default, init, initSync, analyze, clean } from "./web.js";
