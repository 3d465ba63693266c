#ifndef PLANLINT_CLIBYAML_SHIM_H
#define PLANLINT_CLIBYAML_SHIM_H
#include <yaml.h>
#endif
