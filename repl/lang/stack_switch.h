// Running code on a stack of its own on the same thread (ucontext), as generators and the big
// stack of run_main do. AddressSanitizer must be told of each switch, or it reports the other
// stack's frames as errors; these macros do nothing in other builds.
#pragma once

// GCC defines __SANITIZE_ADDRESS__ under ASan; clang only answers __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define ORMSH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ORMSH_ASAN 1
#endif
#endif
#if defined(ORMSH_ASAN)
#include <sanitizer/common_interface_defs.h>
#define ORMSH_START_SWITCH(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define ORMSH_FINISH_SWITCH(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define ORMSH_START_SWITCH(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#define ORMSH_FINISH_SWITCH(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#endif
