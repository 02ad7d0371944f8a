// What the guide's scheduler glue (docs/assets/srs.js) takes from ts-fsrs, and nothing else:
// esbuild keeps only these exports and what they need (`make fsrs-bundle`).
export {
  createEmptyCard,
  default_w,
  fsrs,
  generatorParameters,
  Rating,
  S_MIN,
  State,
} from "ts-fsrs";
