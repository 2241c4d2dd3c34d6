// Runs Electron's own binary download after `npm ci`, unless told not to.
// npm is told (package.json "allowScripts") not to run electron's postinstall,
// so that `npm ci` passes on machines that cannot reach the download host.
// Here we run it ourselves and only warn when it fails.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");
const installer = path.join(root, "node_modules", "electron", "install.js");
const pathFile = path.join(root, "node_modules", "electron", "path.txt");

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  process.stdout.write(
    "pacta: ELECTRON_SKIP_BINARY_DOWNLOAD is set; Electron binary not fetched.\n",
  );
} else if (!fs.existsSync(installer)) {
  process.stdout.write("pacta: electron is not installed; nothing to fetch.\n");
} else if (fs.existsSync(pathFile)) {
  process.stdout.write("pacta: Electron binary already present.\n");
} else {
  const run = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    encoding: "utf8",
  });
  if (run.status !== 0) {
    // The installer's own stack trace says less than this line does.
    const reason = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.exec(run.stderr ?? "")?.[0];
    process.stdout.write(
      "pacta: warning: the Electron binary could not be downloaded" +
        (reason ? ` (${reason}: no access to its download host)` : "") +
        "; `npm start` will use the headless host instead.\n",
    );
  }
}
