// Stands in for node:fs in the browser bundle; gray-matter requires it but Dialogkit never calls it.
export default {};
