import { tf01 } from "./tf-01.js";
import { tf02 } from "./tf-02.js";
import { tf03 } from "./tf-03.js";
import { tf04 } from "./tf-04.js";
import { tf05 } from "./tf-05.js";
import { tf06 } from "./tf-06.js";
import { tf07 } from "./tf-07.js";
import { tf08 } from "./tf-08.js";
import { tf09 } from "./tf-09.js";
import { tf10 } from "./tf-10.js";
import type { TaskForceSpec } from "./types.js";

/** The district's 10 key-work task forces (重点工作专班), in code order. */
export const taskForceSpecs: readonly TaskForceSpec[] = [
  tf01,
  tf02,
  tf03,
  tf04,
  tf05,
  tf06,
  tf07,
  tf08,
  tf09,
  tf10,
];
