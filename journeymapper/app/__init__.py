"""The app shell: main window, menus, actions, settings, recent files, autosave."""
