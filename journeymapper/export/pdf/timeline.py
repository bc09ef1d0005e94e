def timeline_flowables(project, options, width, height):
    return []
