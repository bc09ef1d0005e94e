def budget_flowables(project, width):
    return []
