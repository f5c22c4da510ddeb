#!/usr/bin/env python
"""mutmut's command line, for this project's layout (used by ``scripts/mutants.py``).

mutmut names a mutant after its file's path ("site/adminkit/cells.py" -> "site.adminkit.cells")
and, at run time, activates it only inside the module of that name. The packages under
``site/`` import without the folder ("adminkit.cells"), so without this shim no mutant of them
would ever be switched on, and every one would "survive". mutmut itself strips only "src.".
"""

import mutmut.__main__ as mutmut_main
import mutmut.mutation.file_mutation as file_mutation
import mutmut.utils.format_utils as format_utils

_original = format_utils.get_mutant_name


def get_mutant_name(relative_source_path, mutant_method_name: str) -> str:
    return _original(relative_source_path, mutant_method_name).removeprefix("site.")


format_utils.get_mutant_name = get_mutant_name
file_mutation.get_mutant_name = get_mutant_name
mutmut_main.get_mutant_name = get_mutant_name

if __name__ == "__main__":
    mutmut_main.cli()
