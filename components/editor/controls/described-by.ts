/** Joins the ids of the texts describing a control, or undefined when there are none. */
export const joinIds = (...ids: (string | false | null | undefined)[]): string | undefined => {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
};
