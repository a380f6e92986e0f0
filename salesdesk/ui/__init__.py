"""The Qt face of SalesDesk: main window, models, dialogs, workers. Calls services only."""
