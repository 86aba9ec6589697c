"""The Qt-free core: model, storage, sync, outputs and the command line's logic. Never imports Qt."""
