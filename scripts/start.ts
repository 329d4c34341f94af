/** `npm start`: see lib/runtime/start-app.ts. */
import { main } from "@/lib/runtime/start-app";

await main();
