import { isPortFree } from "@/lib/db/ports";
import { StartupError } from "@/lib/db/startup-error";

export async function assertWebPortFree(port: number) {
  if (await isPortFree(port)) return;
  throw new StartupError(
    `Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port === 3000 ? 3001 : port + 1} npm start`,
  );
}
