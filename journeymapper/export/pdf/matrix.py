def matrix_flowables(project, width, height):
    return []
