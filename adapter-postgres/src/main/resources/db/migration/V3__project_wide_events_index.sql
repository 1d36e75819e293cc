-- Agents' feeds read the project-wide rows (activations of the whole project, the rows without an
-- agent) in id order from a marker. events_by_agent cannot give them in id order: the planner
-- does not take "agent_id IS NULL" as an equality, so it collected every such row and sorted it,
-- a cost that grew with the log. This index reads them in order and stops at the page's limit.
CREATE INDEX events_project_wide ON events (project_id, id) WHERE agent_id IS NULL;
