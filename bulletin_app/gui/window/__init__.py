"""The application frame: start-up, the main window and its menus' controllers (translation
packages), preferences, fonts, interface language."""
