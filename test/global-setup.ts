import { prepareTemplate } from "./helpers/database.ts";

export default async function setup() {
  await prepareTemplate();
}
