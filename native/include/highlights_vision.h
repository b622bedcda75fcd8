/* Highlights vision shim: face and smile detection on grey frames with OpenCV Haar cascades.
 *
 * A narrow C API so managed code can call it through plain P/Invoke: opaque detector handles, caller-owned
 * buffers, plain structs, integer status codes. No C++ exception crosses this boundary; a failing call returns a
 * negative status and hv_last_error() (per thread) says why.
 *
 * One detector must not be used by two threads at once; create one per worker thread. */
#ifndef HIGHLIGHTS_VISION_H
#define HIGHLIGHTS_VISION_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define HV_API __attribute__((visibility("default")))
#else
#define HV_API
#endif

#define HV_ABI_VERSION 1

#define HV_OK 0
#define HV_ERROR_ARGUMENT -1
#define HV_ERROR_CASCADE -2
#define HV_ERROR_OPENCV -3
#define HV_ERROR_INTERNAL -4

/* Where a face was found: looking at the camera, or in profile (either side). */
#define HV_FACE_FRONTAL 0
#define HV_FACE_PROFILE 1

typedef struct hv_detector hv_detector;

typedef struct hv_detector_options {
    /* Smallest face searched for, in pixels of the analysed frame (>= 12). */
    int32_t min_face_pixels;
    /* Pyramid step between scales (> 1.0); larger is faster and misses more. */
    float scale_factor;
    /* Overlapping raw detections a face needs to count (>= 1); larger means fewer false faces. */
    int32_t min_neighbors;
    /* The same for smiles inside a face; smiles are noisier, so this is usually higher. */
    int32_t smile_min_neighbors;
    /* Profile faces are searched on the frame scaled by this factor (0 < f <= 1): 0.5 finds profiles at least twice
     * min_face_pixels tall, at about a quarter of the cost of a full-size search. */
    float profile_scale;
    /* Threads OpenCV may use inside one call; 1 when the caller runs several detectors in parallel. 0 keeps OpenCV's choice. */
    int32_t opencv_threads;
} hv_detector_options;

typedef struct hv_face {
    int32_t x;
    int32_t y;
    int32_t width;
    int32_t height;
    /* HV_FACE_FRONTAL or HV_FACE_PROFILE. */
    int32_t kind;
    /* Raw detections that agreed on the strongest smile in the lower half of the face; 0 = no smile found. */
    int32_t smile_neighbors;
    /* smile_neighbors mapped to 0..1 (saturating), so callers need not know the cascade's scale. */
    float smile_score;
} hv_face;

/* HV_ABI_VERSION of the built library, to refuse a stale build. */
HV_API int32_t hv_abi_version(void);

/* Loads the cascades (profile_path may be NULL to skip profile faces). Returns NULL on failure; see hv_last_error(). */
HV_API hv_detector* hv_detector_create(const char* frontal_path, const char* profile_path, const char* smile_path,
                                const hv_detector_options* options);

/* Finds faces and smiles in one 8-bit grey frame. Up to `capacity` faces (largest first) are written to `faces`;
 * `*face_count` receives how many were written. Returns HV_OK or a negative HV_ERROR_*. */
HV_API int32_t hv_detect(hv_detector* detector, const uint8_t* pixels, int32_t width, int32_t height, int32_t stride,
                  hv_face* faces, int32_t capacity, int32_t* face_count);

/* Frees the detector; NULL is ignored. */
HV_API void hv_detector_destroy(hv_detector* detector);

/* The last failure on the calling thread, or "" when none. Valid until the thread's next call. */
HV_API const char* hv_last_error(void);

#ifdef __cplusplus
}
#endif

#endif
