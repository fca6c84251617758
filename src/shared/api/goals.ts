import { z } from "zod";
import { id, requiredText, text } from "./common.js";
import { defineEntity } from "./define.js";

/** Levels of the cascade (层层衔接): strategy → programme → annual goal. */
export const goalLevels = ["strategy", "programme", "annual"] as const;
export type GoalLevel = (typeof goalLevels)[number];

/** A goal in the cascade; task forces and tasks align to goals. */
export const goalSchemas = defineEntity({
  name: "Goal",
  fields: {
    code: requiredText(40),
    title: requiredText(200),
    level: z.enum(goalLevels),
    parentId: id.nullable(),
    orgUnitId: id.nullable(),
    description: text(2000).nullable(),
    year: z.number().int().min(2000).max(2100).nullable(),
  },
  readOnly: {},
  required: ["code", "title", "level"],
  defaults: { parentId: null, orgUnitId: null, description: null, year: null },
});
export type Goal = z.output<typeof goalSchemas.entity>;
