// Lets this process import the TypeScript sources. Node 22.18+ and 24 strip their types
// natively; an older Node 22 cannot, so it is told to reinstall, which compiles lib/cli/.
export function allowTypeScriptSources() {
  if (!process.features.typescript) {
    console.error(`goalpost: the sources under src/ are newer than the compiled CLI in lib/cli/, and Node ${process.versions.node} cannot run TypeScript itself. Run \`npm run build:cli\` (or use Node 22.18 or newer).`);
    process.exit(2);
  }
}
