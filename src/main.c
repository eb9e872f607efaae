/* sqlshift: entry point. Looks up the command and runs it; the only place
 * that exits the process. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
