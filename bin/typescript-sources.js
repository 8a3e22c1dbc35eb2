// Lets this thread import the TypeScript sources: Node 22.18+ strips their types itself, older
// Node needs tsx registered first. Used by the command and by worker threads run from src/.
export async function allowTypeScriptSources() {
  if (!process.features.typescript) {
    const { register } = await import('tsx/esm/api');
    register();
  }
}
