"""Executes a notebook headless with nbclient and fails if any cell raises.
Usage: run_notebook.py NOTEBOOK [EXECUTED_COPY]. Runs with the notebook's folder as working
directory; MPLBACKEND=Agg keeps matplotlib off any display."""
import os
import pathlib
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def main():
    path = pathlib.Path(sys.argv[1]).resolve()
    os.environ.setdefault("MPLBACKEND", "Agg")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # quiets ipykernel's debugger notice
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=180, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()
    except CellExecutionError as error:
        print(f"{path}: a cell failed:\n{error}", file=sys.stderr)
        return 1
    finally:
        if len(sys.argv) > 2:
            nbformat.write(notebook, sys.argv[2])
    cells = sum(1 for c in notebook.cells if c.cell_type == "code")
    print(f"{path.name}: {cells} code cells ran")
    return 0


if __name__ == "__main__":
    sys.exit(main())
